import { Modal } from '@mantine/core';
import { MfaEnrolment } from '@web/features/auth';

// The account menu's dialogs, in a module of their own so that the menu loads them when first opened.
export { ChangePasswordModal } from '@web/features/auth';

/** Turning on two-step sign-in from the account menu. */
export function MfaEnrolmentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Two-step sign-in">
      {opened && <MfaEnrolment onDone={onClose} />}
    </Modal>
  );
}
