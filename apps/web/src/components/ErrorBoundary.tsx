import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n';

/** Last resort: a bug in a page shows a French message and a way out, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The browser console already shows the error; nothing is sent anywhere.
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100vh" p="md" component="main">
        <Paper withBorder p="xl" radius="md" maw={520} role="alert">
          <Stack gap="sm">
            <Title order={1} size="h3">
              {i18n.t('errors.title')}
            </Title>
            <Text>{i18n.t('errors.crash')}</Text>
            <Button onClick={() => window.location.assign('/')}>{i18n.t('errors.reload')}</Button>
          </Stack>
        </Paper>
      </Center>
    );
  }
}
