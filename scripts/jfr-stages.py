#!/usr/bin/env python3
"""Where the stream threads spend their CPU, by pipeline stage, from a JFR recording.

Usage: scripts/jfr-stages.py RECORDING.jfr [--thread StreamThread] [--top 12]

Record one with, for example:
  WIRE_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile" ./wire bench --items 2000

Each execution sample of a matching thread is charged twice:
- to the innermost processor on its stack (the processor doing the work; a processor's forward() runs the next one
  of its sub-topology, so the outermost frame would also charge it with its successors' work), or to the serde a
  source node was decoding with, or to "kafka: ..." when no project frame is on it (polling, committing);
- within that processor, to what was running under it: serializing and sending to a topic, state store reads and
  writes, or the processor's own code.
Then the hottest project frames (self time).
"""
import argparse, collections, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument('recording')
ap.add_argument('--thread', default='StreamThread')
ap.add_argument('--top', type=int, default=12)
a = ap.parse_args()
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', a.recording],
                     capture_output=True, text=True, check=True).stdout
stage = collections.Counter(); hot = collections.Counter(); under = collections.defaultdict(collections.Counter); n = 0
ACTIVITIES = [('send to a topic', ('RecordCollectorImpl.send',)), ('state store', ('MeteredKeyValueStore', 'MeteredWindowStore',
              'MeteredTimestamped', 'CachingKeyValueStore', 'ChangeLogging')), ('decode input', ('RecordQueue.poll',))]


def processor_of(frames):
    for f in frames:  # innermost first
        cls = f.rsplit('.', 1)[0].rsplit('.', 1)[-1]
        if f.startswith('io.wirestream') and (cls.endswith('Processor') or cls.endswith('Collector')):
            return re.sub(r'\$.*', '', cls)
    for f in frames:
        if f.startswith('io.wirestream'):
            return re.sub(r'\$.*|\.lambda.*', '', f.rsplit('.', 1)[0]).rsplit('.', 1)[-1] + ' (outside a processor)'
    return None


for event in out.split('jdk.ExecutionSample')[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if not thread or a.thread not in thread.group(1) or 'producer' in thread.group(1):
        continue
    n += 1
    frames = re.findall(r'\n\s+([\w.$<>]+)\(', event)
    ours = [f for f in frames if f.startswith('io.wirestream')]
    proc = processor_of(frames)
    if proc:
        stage[proc] += 1
        hot[ours[0]] += 1
        activity = 'own code'
        for name, marks in ACTIVITIES:
            if any(m in f for f in frames for m in marks):
                activity = name
                break
        under[proc][activity] += 1
    else:
        tail = [f.rsplit('.', 2)[-2] for f in frames[-6:-2]] if len(frames) > 6 else frames
        stage['kafka: ' + '/'.join(dict.fromkeys(tail))] += 1
if n == 0:
    sys.exit('no samples of a thread matching %r' % a.thread)
print('%d samples of %s threads' % (n, a.thread))
print('\nby processor doing the work (innermost processor frame), and what ran under it')
for k, v in stage.most_common(a.top):
    split = ', '.join('%s %.1f%%' % (act, 100.0 * c / n) for act, c in under[k].most_common()) if k in under else ''
    print('  %5.1f%%  %s%s' % (100.0 * v / n, k, ('  [' + split + ']') if split else ''))
print('\nhottest project frames (self)')
for k, v in hot.most_common(a.top):
    print('  %5.1f%%  %s' % (100.0 * v / n, k))
