// A command line that cannot be run as given: exit 2, one line, then the usage of the command.
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}
