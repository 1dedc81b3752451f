// A topic or file scope, as the renderer names it to main. A leaf module: the contract's halves
// import it without importing each other.

/**
 * A topic or a file of the library, encoded as the renderer's filter keys are: `topic:<name>`
 * or `source:<path>`. null (in a request) is all stories.
 */
export type StoryFilter = `topic:${string}` | `source:${string}`;
