import { redirect } from "next/navigation";

// API keys are the only settings so far.
export default function SettingsPage() {
  redirect("/settings/api-keys");
}
