import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { extensionApi } from './api';

render(<Popup api={extensionApi} />, document.getElementById('app')!);
