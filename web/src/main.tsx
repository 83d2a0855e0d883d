import { render } from 'preact';
import './i18n';
import { App } from './shell/App';
import './shell/styles.css';

render(<App />, document.getElementById('app')!);
