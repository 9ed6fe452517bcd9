import { render } from 'preact';
import '../../components/theme.css';
import { SidePanel } from '../../components/sidepanel/SidePanel';

const params = new URLSearchParams(location.search);
render(
  <SidePanel
    initialProjectId={params.get('project') ?? undefined}
    startNew={params.get('new') === '1'}
    newContractorKey={params.get('contractor') ?? undefined}
  />,
  document.getElementById('app')!,
);
