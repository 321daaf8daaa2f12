/** Styles of the Impact bar and the Compare view, added once (the CSP allows inline styles). */
const CSS = `
#impact-bar { display: none; flex-wrap: wrap; gap: 8px 14px; align-items: center; padding: 4px 12px;
  border-bottom: 1px solid var(--vscode-panel-border); }
#impact-bar.shown { display: flex; }
#impact-bar .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px;
  vertical-align: -2px; border: 2px solid; }
#impact-bar .failing { background: #f85149; border-color: #f85149; }
#impact-bar .fails { background: #f8514940; border-color: #f85149; }
#impact-bar .degrades { background: #d2992240; border-color: #d29922; }
#impact-bar .build-time { border-color: #8b949e; border-style: dashed; }
#impact-bar .unaffected { border-color: #8b949e; opacity: 0.35; }
#impact-bar .line { display: inline-block; width: 18px; height: 0; margin-right: 3px; vertical-align: 3px;
  border-top: 3px solid; }
#impact-bar .line.sync { border-color: #f85149; }
#impact-bar .line.async { border-color: #d29922; border-top-style: dashed; }
#impact-bar .line.shared-database { border-color: #a371f7; }
#impact-bar .line.build-time { border-color: #8b949e; border-top-style: dotted; }
#impact-bar .hop { font-variant-numeric: tabular-nums; }
#compare-view { display: none; flex: 1; flex-direction: column; overflow: auto; padding: 6px 12px; gap: 8px; }
#compare-view.shown { display: flex; }
#compare-view .cuts { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
#compare-view .panes { display: flex; gap: 12px; min-height: 240px; }
#compare-view .pane { flex: 1 1 0; min-width: 0; border: 1px solid var(--vscode-panel-border); padding: 4px; }
#compare-view .pane h2 { font-size: 1em; margin: 2px 4px 6px; }
#compare-view .pane svg { width: 100%; height: auto; max-height: 60vh; }
#compare-view table { border-collapse: collapse; }
#compare-view th, #compare-view td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
#compare-view td.number { text-align: right; font-variant-numeric: tabular-nums; }
#compare-view .definitions { color: var(--vscode-descriptionForeground); margin: 0; padding-left: 18px; }
`;

let added = false;

export function addImpactStyles(): void {
  if (added) return;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
  added = true;
}
