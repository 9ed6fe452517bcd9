import { render } from 'preact';
import '../../components/theme.css';
import { ReportsApp } from '../../components/reports/ReportsApp';

render(<ReportsApp />, document.getElementById('app')!);
