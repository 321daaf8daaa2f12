import type { NothingToDrawMessage } from '../../shared/protocol';

/**
 * What the panel says when its source has nothing to draw from: with no folder open, that one is
 * needed (with Open Folder); otherwise that no analysis finished (with Analyze). Pure.
 */
export function nothingToDrawMessage(folderCount: number): NothingToDrawMessage {
  if (folderCount === 0)
    return {
      type: 'nothingToDraw',
      reason: 'No folder is open. Open a folder to see its architecture.',
      action: { id: 'openFolder', label: 'Open Folder' },
    };
  return {
    type: 'nothingToDraw',
    reason: 'There is no analysis to draw from: it was cancelled or did not finish.',
    action: { id: 'analyze', label: 'Analyze' },
  };
}
