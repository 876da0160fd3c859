// The console's entry: the shell element and the colours. index.html holds only <oc-app>.
import './theme.css';
import './app-shell';
