// The floor `kho-abi decode` is measured against: plain node importing the
// generated codec compiled to JavaScript (dist/, `npm run build`), decoding
// the bytes given as hex and printing them as decode does. No arguments
// checked, no project found, no metadata read.
import { decodeMemfdLuoFolioSer } from '../dist/generated/ts/memfd.js';

const bytes = Buffer.from(process.argv[2] ?? '', 'hex');
const value = decodeMemfdLuoFolioSer(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
process.stdout.write(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
