import { render } from 'preact';

render(<main>Vetted — settings</main>, document.getElementById('app')!);
