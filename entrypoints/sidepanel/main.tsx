import { render } from 'preact';

render(<main>Vetted — budget notes</main>, document.getElementById('app')!);
