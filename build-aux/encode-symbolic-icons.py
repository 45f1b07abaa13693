#!/usr/bin/env python3
# Encodes the application's symbolic SVG icons as symbolic PNGs, the way
# GTK ships its own, so that showing them does not load an SVG renderer
# (librsvg) before the first frame:
#
#   encode-symbolic-icons.py ENCODER OUTDIR STAMP SVG...
#
# writes OUTDIR/SIZExSIZE/actions/NAME.symbolic.png for the sizes of the
# Adwaita icon theme's fixed directories, and a 256-pixel one in
# OUTDIR/scalable/actions for the sizes between (a status page's 128),
# which GTK scales down.  ENCODER is gtk4-encode-symbolic-svg.  STAMP is
# touched at the end.

import os
import subprocess
import sys

FIXED_SIZES = (16, 24, 32, 48, 64, 96)
SCALABLE_SIZE = 256


def main():
    if len(sys.argv) < 5:
        sys.exit('usage: encode-symbolic-icons.py ENCODER OUTDIR STAMP SVG...')
    encoder, outdir, stamp, svgs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

    targets = [('%dx%d' % (s, s), s) for s in FIXED_SIZES] + [('scalable', SCALABLE_SIZE)]
    for subdir, size in targets:
        dest = os.path.join(outdir, subdir, 'actions')
        os.makedirs(dest, exist_ok=True)
        for svg in svgs:
            subprocess.run([encoder, '-o', dest, svg, '%dx%d' % (size, size)], check=True)
            name = os.path.basename(svg)[:-len('.svg')] + '.symbolic.png'
            if not os.path.exists(os.path.join(dest, name)):
                sys.exit('encode-symbolic-icons: %s made no %s' % (encoder, name))

    with open(stamp, 'w'):
        pass


if __name__ == '__main__':
    main()
