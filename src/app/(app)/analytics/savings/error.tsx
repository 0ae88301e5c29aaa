"use client";
import { RouteError } from "@/components/ui/route-states";

export default function RouteErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <RouteError reset={reset} />;
}
