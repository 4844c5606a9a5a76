import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArrivingFile, RppsFormatError } from '../rpps';

/**
 * Where an uploaded extraction waits for its import job: one file per import
 * under UPLOAD_DIR, shared by the gateway (writes) and the workers (read, then
 * delete). The gateway writes `<id>.part` and renames it `<id>.upload` once
 * the whole body has arrived: the rename is the signal that the file is
 * complete. Both ids are uuids checked by the caller, so no path escapes.
 */
export function importFilePath(uploadDir: string, tenantId: string, importId: string): string {
  return path.join(uploadDir, 'directory-imports', tenantId, `${importId}.upload`);
}

/** The file while its upload is still arriving. */
export function importPartPath(uploadDir: string, tenantId: string, importId: string): string {
  return path.join(uploadDir, 'directory-imports', tenantId, `${importId}.part`);
}

export const UPLOAD_INTERRUPTED_MESSAGE = "L'envoi du fichier a été interrompu avant la fin : déposez-le à nouveau.";

export interface ArrivingUploadOptions {
  /** How often the end of a file still arriving is looked at again. */
  pollMs: number;
  /**
   * An upload from which nothing arrives for this long is given up (the
   * gateway that received it died): its import fails and the part is deleted.
   */
  stallMs: number;
}

const DEFAULTS: ArrivingUploadOptions = { pollMs: 20, stallMs: 5 * 60_000 };

/**
 * An uploaded extraction read while the gateway is still writing it, so that
 * the import runs during the upload instead of after it. At the end of what
 * has arrived, it waits: for more bytes, for the rename that says the file is
 * complete (then it reopens the complete file, whose size is final, also on a
 * network volume), or for the part to disappear (the gateway gave the upload
 * up, and has marked the import failed).
 */
export class ArrivingUpload implements ArrivingFile {
  private handle: FileHandle | null = null;
  private completed = false;
  /** The size last seen, and when it last grew (a zip waiting to be complete reads nothing meanwhile). */
  private seenSize = 0;
  private lastGrowth = Date.now();
  private readonly options: ArrivingUploadOptions;

  constructor(
    readonly partPath: string,
    readonly finalPath: string,
    options: Partial<ArrivingUploadOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  static of(uploadDir: string, tenantId: string, importId: string): ArrivingUpload {
    return new ArrivingUpload(importPartPath(uploadDir, tenantId, importId), importFilePath(uploadDir, tenantId, importId));
  }

  async read(position: number, length: number): Promise<Buffer> {
    for (;;) {
      const handle = this.handle ?? (this.handle = await this.openEither());
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead > 0) return buffer.subarray(0, bytesRead);
      if (this.completed) return buffer.subarray(0, 0);
      await this.waitForMore();
    }
  }

  async complete(): Promise<string> {
    while (!this.completed) {
      if (!this.handle) this.handle = await this.openEither();
      if (!this.completed) await this.waitForMore();
    }
    return this.finalPath;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  /** At the end of what has arrived: returns once there may be more to read (or the file is complete); throws when the upload was given up. */
  private async waitForMore(): Promise<void> {
    // The part gone and no complete file (looked at after: the rename may fall in between) = given up.
    const partGone = !(await exists(this.partPath));
    if (await exists(this.finalPath)) {
      // Complete: read on from the complete file (a fresh open sees its final size).
      await this.close();
      this.handle = await open(this.finalPath, 'r');
      this.completed = true;
      return;
    }
    if (partGone) throw interrupted();
    const { size } = await (this.handle as FileHandle).stat();
    if (size > this.seenSize) {
      this.seenSize = size;
      this.lastGrowth = Date.now();
      return;
    }
    if (Date.now() - this.lastGrowth > this.options.stallMs) throw interrupted();
    await sleep(this.options.pollMs);
  }

  /** The part while it arrives, else the complete file; neither means the upload was given up. */
  private async openEither(): Promise<FileHandle> {
    try {
      return await open(this.partPath, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    try {
      const handle = await open(this.finalPath, 'r');
      this.completed = true;
      return handle;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw interrupted();
      throw err;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

const interrupted = () => new RppsFormatError('UPLOAD_INTERRUPTED', UPLOAD_INTERRUPTED_MESSAGE);
