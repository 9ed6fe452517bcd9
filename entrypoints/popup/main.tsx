import { render } from 'preact';
import '../../components/theme.css';
import { BackupReminder } from '../../components/backup-reminder/BackupReminder';
import { Popup } from '../../components/popup/Popup';

render(<Popup top={<BackupReminder compact />} />, document.getElementById('app')!);
