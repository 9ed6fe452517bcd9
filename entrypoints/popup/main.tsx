import { render } from 'preact';

render(<main>Vetted</main>, document.getElementById('app')!);
