// The web terminal page (served by GET /api/job/cmd/:treeid): one xterm.js terminal relayed over a websocket to
// SSH shells on the silos. Messages to the server: "i" + keystrokes, "r" + "<columns>,<rows>". From the server:
// terminal output as text; the socket closes when the shells end, on idle, or when the session is refused.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';

const element = document.getElementById('terminal');
if (!element) {
  throw new Error('the page has no #terminal element');
}

const terminal = new Terminal({ cursorBlink: true, scrollback: 5000, fontFamily: 'monospace', fontSize: 14 });
const fit = new FitAddon();
terminal.loadAddon(fit);
terminal.open(element);
fit.fit();

const socketUrl = new URL(location.pathname.replace(/\/?$/, '/ws') + location.search, location.href);
socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
socketUrl.searchParams.set('cols', String(terminal.cols));
socketUrl.searchParams.set('rows', String(terminal.rows));
const socket = new WebSocket(socketUrl);

const status = document.getElementById('status');
const show = (text: string) => {
  if (status) {
    status.textContent = text;
  }
};

socket.onopen = () => {
  show('connected');
  terminal.focus();
};
socket.onmessage = (event: MessageEvent<string>) => terminal.write(event.data);
socket.onclose = (event: CloseEvent) => {
  show(event.reason ? `closed: ${event.reason}` : 'closed');
  terminal.write('\r\n\x1b[33m[connection closed]\x1b[0m\r\n');
};

terminal.onData((keys: string) => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send('i' + keys);
  }
});
terminal.onResize(({ cols, rows }: { cols: number; rows: number }) => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send(`r${cols},${rows}`);
  }
});
new ResizeObserver(() => fit.fit()).observe(element);
