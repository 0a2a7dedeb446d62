/** A model-loading failure, with a message written for the person using the page. */
export class ModelLoadError extends Error {
  constructor(
    message: string,
    /** Technical detail for the console and bug reports. */
    readonly detail: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}
