import { render } from 'preact';
import '../../components/theme.css';
import { AgreementApp } from '../../components/agreement/AgreementApp';

const params = new URLSearchParams(location.search);
render(<AgreementApp projectId={params.get('project')} />, document.getElementById('app')!);
