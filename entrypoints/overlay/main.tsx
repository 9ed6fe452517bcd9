import { render } from 'preact';
import '../../components/theme.css';
import '../../components/overlay/overlay.css';
import { OverlayApp } from '../../components/overlay/OverlayApp';

render(<OverlayApp />, document.getElementById('app')!);
