// The host → webview messages every panel webview (comparison, pre-flight, report) understands;
// each protocol adds its own. The webview side is src/webview/panel.ts.
export type PanelHostMessage<Strings, Model> =
  | { type: 'init'; strings: Strings; locale: string }
  | { type: 'update'; model: Model }
  | { type: 'error'; message: string };
