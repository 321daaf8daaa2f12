// Grants workspace trust as a user does, when the tests ask (`ARCHLENS-SCREENSHOT
// {"name":…,"action":"grant-trust"}`): the tests open VS Code's Workspace Trust editor, the driver
// clicks its Trust button. Answers `{ ok, error? }`.

/**
 * @param {import('playwright-core').Page} page
 * @param {{ name: string }} request
 * @param {{ onLog: (line: string) => void }} options
 */
export async function answerGrantTrustRequest(page, request, options) {
  try {
    const button = page
      .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust( Folder)?$/ })
      .first();
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click({ timeout: 10_000 });
    options.onLog(`[driver] ${request.name}: clicked Trust in the Workspace Trust editor`);
    return { ok: true };
  } catch (error) {
    const message = error.message.split('\n')[0];
    options.onLog(`[driver] ${request.name} failed: ${message}`);
    return { ok: false, error: message };
  }
}
