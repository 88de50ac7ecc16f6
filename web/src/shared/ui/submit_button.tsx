import { Button } from './button';

interface SubmitButtonProps {
  /** True while the form is being sent: the button says so and cannot send twice. */
  busy: boolean;
  label: string;
  /** What the button says while busy (「送信しています…」), so a screen reader hears that something is happening. */
  busyLabel: string;
}

/** A form's main button, below its fields: as wide as the column on a phone, at least 12rem wide on a desktop. */
export function SubmitButton({ busy, label, busyLabel }: SubmitButtonProps) {
  return (
    <div>
      <Button type="submit" busy={busy} className="w-full desktop:w-auto desktop:min-w-[12rem]">
        {busy ? busyLabel : label}
      </Button>
    </div>
  );
}
