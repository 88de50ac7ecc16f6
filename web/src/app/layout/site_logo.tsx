/** A bridge (架け橋) drawn in the primary blue: the service's mark. Decorative; the name follows it as text. */
export function SiteLogo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 40" className="h-10 w-10 shrink-0">
      <rect width="40" height="40" rx="8" className="fill-blue-900" />
      <path d="M6 26 Q20 8 34 26" fill="none" stroke="white" strokeWidth="3" strokeLinecap="round" />
      <path d="M4 26 H36" stroke="white" strokeWidth="3" strokeLinecap="round" />
      <path d="M12 26 V19 M20 26 V15 M28 26 V19" stroke="white" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
