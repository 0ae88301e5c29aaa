/**
 * A failure whose message is written for the operator: scripts print it as
 * it is, on one line, and exit with `exitCode`.
 */
export class OperatorError extends Error {
  readonly exitCode: number = 1;
}
