import { ponder } from '../api';
import { createAppStore } from './create-app-store';

/** The app's store. Select the smallest piece you need; use `useShallow` for derived objects. */
export const useAppStore = createAppStore(ponder);
