import { PageSkeleton } from "@/components/ui/route-states";

export default function Loading() {
  return <PageSkeleton title="the savings comparison" />;
}
