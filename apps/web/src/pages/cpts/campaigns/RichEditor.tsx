import { ActionIcon, Button, Group, Input, Modal, Paper, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconBold, IconH2, IconH3, IconItalic, IconLink, IconList, IconListNumbers, IconPhoto, IconPilcrow } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Dialog = { kind: 'link'; url: string; text: string } | { kind: 'image'; url: string; alt: string } | null;

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The campaign body editor: the browser's own editing (contentEditable and
 * execCommand) with a toolbar for what an email carries well (headings,
 * bold, italic, links, lists, an image by its address). No editor library:
 * the server cuts the HTML down to the same allow-list anyway.
 */
export function RichEditor({ label, value, onChange, error, description }: { label: string; value: string; onChange: (html: string) => void; error?: string; description?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const labelId = useId();
  const errorId = useId();

  // The initial content only: afterwards the element is the truth (re-setting it would move the caret).
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const emit = () => onChange(ref.current?.innerHTML ?? '');
  const run = (command: string, argument?: string) => {
    ref.current?.focus();
    restore();
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand(command, false, argument);
    emit();
  };
  const save = () => {
    const selection = window.getSelection();
    saved.current = selection && selection.rangeCount > 0 && ref.current?.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
  };
  const restore = () => {
    if (!saved.current) return;
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(saved.current);
    saved.current = null;
  };
  const openLink = () => {
    save();
    setDialog({ kind: 'link', url: 'https://', text: saved.current?.toString() ?? '' });
  };
  const openImage = () => {
    save();
    setDialog({ kind: 'image', url: 'https://', alt: '' });
  };
  const confirm = () => {
    if (!dialog) return;
    const url = dialog.url.trim();
    setDialog(null);
    if (dialog.kind === 'link') {
      const text = dialog.text.trim() || url;
      run('insertHTML', `<a href="${escape(url)}">${escape(text)}</a>`);
    } else {
      run('insertHTML', `<img src="${escape(url)}" alt="${escape(dialog.alt.trim())}">`);
    }
  };
  const urlOk = dialog ? (dialog.kind === 'link' ? /^(https?:\/\/[^\s]+\.[^\s]+|mailto:[^\s]+@[^\s]+)$/i : /^https:\/\/[^\s]+\.[^\s]+$/i).test(dialog.url.trim()) : false;

  const tool = (name: string, icon: ReactNode, action: () => void) => (
    <Tooltip label={name} withArrow>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={name}
        // Keep the selection in the text while clicking the toolbar.
        onMouseDown={(e) => e.preventDefault()}
        onClick={action}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Input.Wrapper label={<span id={labelId}>{label}</span>} description={description} error={error} withAsterisk>
      <Paper withBorder radius="sm" mt={4} style={error ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}>
        <Group gap={2} p={4} role="toolbar" aria-label={t('campaigns.editor.toolbar')} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} wrap="wrap">
          {tool(t('campaigns.editor.heading'), <IconH2 size={18} />, () => run('formatBlock', 'h2'))}
          {tool(t('campaigns.editor.subheading'), <IconH3 size={18} />, () => run('formatBlock', 'h3'))}
          {tool(t('campaigns.editor.paragraph'), <IconPilcrow size={18} />, () => run('formatBlock', 'p'))}
          {tool(t('campaigns.editor.bold'), <IconBold size={18} />, () => run('bold'))}
          {tool(t('campaigns.editor.italic'), <IconItalic size={18} />, () => run('italic'))}
          {tool(t('campaigns.editor.bullets'), <IconList size={18} />, () => run('insertUnorderedList'))}
          {tool(t('campaigns.editor.numbers'), <IconListNumbers size={18} />, () => run('insertOrderedList'))}
          {tool(t('campaigns.editor.link'), <IconLink size={18} />, openLink)}
          {tool(t('campaigns.editor.image'), <IconPhoto size={18} />, openImage)}
        </Group>
        <div
          ref={ref}
          className="campaign-editor"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          tabIndex={0}
          onInput={emit}
          onBlur={emit}
          style={{ minHeight: 220, padding: '8px 12px', outlineOffset: -2, overflowWrap: 'anywhere' }}
        />
      </Paper>
      {error && <span id={errorId} hidden>{error}</span>}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog?.kind === 'image' ? t('campaigns.editor.imageTitle') : t('campaigns.editor.linkTitle')} centered>
        {dialog && (
          <Stack gap="sm">
            <TextInput
              label={dialog.kind === 'image' ? t('campaigns.editor.imageUrl') : t('campaigns.editor.linkUrl')}
              description={dialog.kind === 'image' ? t('campaigns.editor.imageUrlHelp') : t('campaigns.editor.linkUrlHelp')}
              value={dialog.url}
              onChange={(e) => setDialog({ ...dialog, url: e.currentTarget.value })}
              error={dialog.url.trim() !== 'https://' && dialog.url.trim() !== '' && !urlOk ? t('campaigns.editor.urlInvalid') : undefined}
              data-autofocus
            />
            {dialog.kind === 'link' ? (
              <TextInput label={t('campaigns.editor.linkText')} value={dialog.text} onChange={(e) => setDialog({ ...dialog, text: e.currentTarget.value })} />
            ) : (
              <TextInput label={t('campaigns.editor.imageAlt')} description={t('campaigns.editor.imageAltHelp')} value={dialog.alt} onChange={(e) => setDialog({ ...dialog, alt: e.currentTarget.value })} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={confirm} disabled={!urlOk}>
                {t('campaigns.editor.insert')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Input.Wrapper>
  );
}
