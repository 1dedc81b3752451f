/** The message of anything thrown; the preload rethrows IPC failures as Errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
