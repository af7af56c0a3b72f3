"""Checking a recording and making the guide's MP3 of it, with PyAV (FFmpeg's libraries).

A recording comes from the review sheet's Record button (WebM or Ogg with Opus, or MP4 with AAC,
as the browser records) or from any recorder (WAV, MP3, M4A). It is refused, in one line that says
what to do, when it cannot be read, holds no voice, is too short or too long for one line, too quiet
or distorted. Otherwise its silence before and after is cut, its level evened out, and it becomes
one format every engine plays: MP3, mono, 16 kHz (a voice needs no more), 24 kbit/s: 3 KB a second,
so that all 58 crisis strings of the Missoula edition, about 3.5 minutes, come to about 600 KiB.

Why MP3: Chromium, WebKit (every iPhone, from its first iOS) and Gecko all decode it themselves;
AAC in Gecko on Linux needs the system's FFmpeg, and Opus plays on iPhones only from iOS 17.
"""

import array
import io
import math
from dataclasses import dataclass

import av

RATE = 16000
BIT_RATE = 24000
FRAME = RATE // 50  # 20 ms: the windows whose level says speech or silence
SPEECH_LEVEL = -45.0  # dBFS: a window louder than this holds sound, not room silence
QUIET_LEVEL = -40.0  # dBFS: speech quieter than this on average is too far from the microphone
TARGET_LEVEL = -20.0  # dBFS: the level every recording is brought to (its loudest point kept below PEAK)
PEAK = 0.89  # -1 dBFS
CLIPPED = 32700  # a sample this loud has hit the top of the scale
CLIPPED_SHARE = 0.002  # more clipped samples than this: distorted
MIN_SECONDS = 0.4
MAX_SECONDS = 20.0  # one line of a crisis text, said at a moderate pace, takes far less
MAX_INPUT_SECONDS = 120.0  # read no further than this: the file is not one line
KEEP = RATE // 5  # 0.2 s of quiet kept before and after the voice


class RecordingProblem(ValueError):
    """Why a recording is refused, in one line for the person who made it."""


@dataclass(frozen=True)
class Prepared:
    mp3: bytes
    seconds: float


def decibels(level):
    return 20 * math.log10(level / 32768) if level > 0 else -120.0


def rms(samples):
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def decode(path):
    """The recording as 16-bit mono samples at RATE; RecordingProblem if it is not sound."""
    samples = array.array("h")
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise RecordingProblem("holds no sound")
            resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    samples.frombytes(bytes(out.planes[0])[: out.samples * 2])
                if len(samples) > MAX_INPUT_SECONDS * RATE:
                    break
            for out in resampler.resample(None):
                samples.frombytes(bytes(out.planes[0])[: out.samples * 2])
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, RecordingProblem):
            raise
        raise RecordingProblem("is not a sound file this can read (WAV, MP3, M4A, WebM or Ogg)") from None
    return samples


def prepare(path):
    """Check a recording and make its MP3; RecordingProblem says why it is refused."""
    samples = decode(path)
    windows = [samples[i : i + FRAME] for i in range(0, len(samples) - FRAME + 1, FRAME)]
    levels = [decibels(rms(window)) for window in windows]
    voiced = [i for i, level in enumerate(levels) if level > SPEECH_LEVEL]
    if not voiced:
        loudest = max(levels, default=-120.0)
        raise RecordingProblem(f"is silent: no voice in it (loudest point {loudest:.0f} dB); check the microphone")
    start, end = max(0, voiced[0] * FRAME - KEEP), min(len(samples), (voiced[-1] + 1) * FRAME + KEEP)
    seconds = (end - start) / RATE
    if seconds > MAX_SECONDS:
        raise RecordingProblem(
            f"is {seconds:.0f} seconds long: one line takes at most {MAX_SECONDS:.0f}; record only that line"
        )
    if seconds < MIN_SECONDS:
        raise RecordingProblem(f"is only {seconds:.1f} seconds of sound: record the whole line")
    speech = array.array("h", (s for i in voiced for s in samples[i * FRAME : (i + 1) * FRAME]))
    level = decibels(rms(speech))
    if level < QUIET_LEVEL:
        raise RecordingProblem(f"is too quiet ({level:.0f} dB): speak closer to the microphone")
    clipped = sum(1 for s in speech if abs(s) >= CLIPPED)
    if clipped > CLIPPED_SHARE * len(speech):
        raise RecordingProblem("is distorted (too loud for the microphone): speak a little further from it")
    kept = samples[start:end]
    peak = max(abs(s) for s in kept)
    gain = min(10 ** ((TARGET_LEVEL - level) / 20), PEAK * 32767 / peak)
    evened = array.array("h", (max(-32768, min(32767, round(s * gain))) for s in kept))
    return Prepared(encode(evened), round(seconds, 1))


def encode(samples):
    """MP3 of 16-bit mono samples at RATE."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=RATE, layout="mono")
        stream.bit_rate = BIT_RATE
        frame = av.AudioFrame(format="s16", layout="mono", samples=len(samples))
        frame.planes[0].update(samples.tobytes())
        frame.rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return out.getvalue()
