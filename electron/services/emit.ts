// How a service tells the renderer something happened: the app sends it over
// IPC, the e2e host through its page binding.

import type { EventChannel, EventChannels } from '../shared/ipc-contract';

export type Emit = <C extends EventChannel>(channel: C, payload: EventChannels[C]) => void;
