// The console's entry: the icon, the colours and the shell element. index.html holds only <oc-app>.
import './theme.css';
import './app-shell';
import { addIcon } from './icon';

addIcon(document.head);
