import { Link, type LinkProps } from 'react-router';

/** An in-app link styled as the design system's text link. */
export const TEXT_LINK_CLASSES =
  'text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px] active:text-blue-1200';

export function TextLink({ className = '', ...rest }: LinkProps) {
  return <Link className={`${TEXT_LINK_CLASSES} ${className}`} {...rest} />;
}
