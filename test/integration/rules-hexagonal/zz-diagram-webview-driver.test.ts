// The driver's checks on this run (the red edges of the violations in the diagram, listed on
// click) are counted as tests of the run; this hands it the live workbench (webview-driver-hook.ts).
import { handOverToWebviewDriver } from '../webview-driver-hook';

handOverToWebviewDriver();
