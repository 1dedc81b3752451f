import type { MenuCommand } from '../../../electron/shared/ipc-contract';
import { LINE_WIDTHS, STORY_FONTS, THEMES } from '../../../electron/shared/view-prefs';
import { useAppStore } from '../store/app-store';
import { topicsInDrawer } from './useLayoutMode';

/** View ▸ Toggle Topics and Ctrl/Cmd+\: hide or show the topics pane, or open or close its drawer in a narrow window. */
export function toggleTopics(): void {
  const state = useAppStore.getState();
  if (topicsInDrawer()) state.setTopicsDrawerOpen(!state.topicsDrawerOpen);
  else state.setTopicsHidden(!state.topicsHidden);
}

/** Runs a View menu command about the window's look; false when `command` is not one. */
export function runViewCommand(command: MenuCommand): boolean {
  const state = useAppStore.getState();
  const theme = THEMES.find((choice) => command === `theme-${choice}`);
  const lineWidth = LINE_WIDTHS.find((width) => command === `line-width-${width}`);
  const storyFont = STORY_FONTS.find((font) => command === `story-font-${font}`);
  if (theme) state.setTheme(theme);
  else if (lineWidth) state.setLineWidth(lineWidth);
  else if (storyFont) state.setStoryFont(storyFont);
  else if (command === 'toggle-topics') toggleTopics();
  else if (command === 'text-bigger') state.stepTextSize(1);
  else if (command === 'text-smaller') state.stepTextSize(-1);
  else if (command === 'text-reset') state.stepTextSize(0);
  else return false;
  return true;
}
