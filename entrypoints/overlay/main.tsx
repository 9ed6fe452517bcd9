import { render } from 'preact';
import '../../components/theme.css';
import '../../components/overlay/overlay.css';
import { OverlayApp } from '../../components/overlay/OverlayApp';
import { installExposureGuard } from '../../components/overlay/exposure-guard';
import { send } from '../../lib/messaging/client';

// issue 12 (clickjacking): clicks and keys count only while the page shows the frame whole.
installExposureGuard({ ask: () => send('overlayExposure', {}) });
render(<OverlayApp />, document.getElementById('app')!);
