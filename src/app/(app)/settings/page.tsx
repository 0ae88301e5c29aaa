import { redirect } from "next/navigation";

// Everyone can read the account settings; API keys are one tab further.
export default function SettingsPage() {
  redirect("/settings/account");
}
