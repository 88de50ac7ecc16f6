import type { ComponentPropsWithRef } from 'react';

/** Visual weight of a button, after the Digital Agency design system's button kinds. */
export type ButtonVariant = 'primary' | 'secondary' | 'text';

const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary:
    'bg-blue-900 text-white border border-blue-900 hover:bg-blue-1000 hover:border-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300 disabled:border-solid-gray-300 disabled:text-solid-gray-50 disabled:no-underline',
  secondary:
    'bg-white text-blue-900 border border-blue-900 hover:bg-blue-50 hover:text-blue-1000 hover:underline active:bg-blue-100 disabled:text-solid-gray-420 disabled:border-solid-gray-300 disabled:no-underline',
  text: 'bg-transparent text-blue-1000 border border-transparent underline underline-offset-[3px] hover:decoration-[3px] active:text-blue-1200',
};

export function buttonClassName(variant: ButtonVariant, extra = ''): string {
  return [
    'inline-flex min-h-12 items-center justify-center gap-2 rounded-8 px-5 py-2 text-oln-16B-100 transition-colors disabled:cursor-not-allowed',
    VARIANT_CLASSES[variant],
    extra,
  ].join(' ');
}

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  /** While true the button stays focusable but cannot submit twice; the label should say what is happening. */
  busy?: boolean;
}

export function Button({ variant = 'primary', busy = false, type = 'button', className = '', disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName(variant, className)}
      disabled={disabled}
      aria-disabled={busy || undefined}
      data-busy={busy || undefined}
      {...rest}
    />
  );
}
