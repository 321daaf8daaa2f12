import { handOverToWebviewDriver } from '../webview-driver-hook';

handOverToWebviewDriver();
