/**
 * Single and double clicks on one element, told apart: a double-click runs `double` only. The
 * single-click action waits for the double-click interval, so the two clicks a double-click also
 * fires never open a file or reveal a folder on their way.
 */
export const DOUBLE_CLICK_MS = 280;

export function onClicks(
  element: Element,
  actions: { readonly immediate: () => void; readonly single?: () => void; readonly double?: () => void },
): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
  };
  element.addEventListener('click', (event) => {
    actions.immediate();
    cancel();
    // detail counts the clicks of a series: the second one belongs to a double-click.
    if (event instanceof MouseEvent && event.detail > 1) return;
    const single = actions.single;
    if (single) pending = setTimeout(() => ((pending = undefined), single()), DOUBLE_CLICK_MS);
  });
  element.addEventListener('dblclick', (event) => {
    event.preventDefault();
    cancel();
    actions.double?.();
  });
}
