/**
 * Error codes next-auth passes from the credentials check to the sign-in
 * form (as `?error=`), and the words the form shows for them. Shared by the
 * server and the browser, so it holds constants only.
 */
export const SIGN_IN_THROTTLED = "TooManySignInAttempts";
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

export const SIGN_IN_MESSAGES = {
  /** Wrong email and wrong password alike: never say which. */
  invalid: "Wrong email or password.",
  throttled: "Too many failed sign-ins. Wait a few minutes, then try again.",
  unavailable: "Sign-in is unavailable right now. Try again shortly.",
} as const;

/** The message for an error code from next-auth (`?error=` or signIn's result). */
export function signInMessage(code: string): string {
  if (code === "CredentialsSignin") return SIGN_IN_MESSAGES.invalid;
  if (code === SIGN_IN_THROTTLED) return SIGN_IN_MESSAGES.throttled;
  // Configuration and other next-auth errors: not the person's fault.
  return SIGN_IN_MESSAGES.unavailable;
}
