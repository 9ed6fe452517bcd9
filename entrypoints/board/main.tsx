import { render } from 'preact';
import '../../components/theme.css';
import { BoardApp } from '../../components/board/BoardApp';

render(<BoardApp />, document.getElementById('app')!);
