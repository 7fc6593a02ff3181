# SPDX-License-Identifier: GPL-2.0
"""Debian's armhf kernel package, fetched with apt into a private cache.

apt-get runs with its own configuration rooted in cache/linux-compare/apt:
its own sources.list (Debian 12 "bookworm" main, armhf only, signed by the
Debian archive keyring), its own empty dpkg status, its own lists and
archives.  Nothing is installed and no system file is touched, so no root
is needed.  The version is resolved through the `linux-image-armmp`
metapackage (its Depends names the real package) and recorded in
cache/linux-compare/kernel.json; later runs use that record and never go
to the network unless asked to (--refresh).

From the package only what the comparison needs is kept: the zImage
(boot/vmlinuz-*), the kernel's config (boot/config-*) and the
vexpress-v2p-ca9.dtb it ships; the zImage is decompressed once into
Image (see kimage.py).
"""
import hashlib
import json
import os
import shutil
import subprocess
import tarfile

SUITE = "bookworm"
# LINUX_COMPARE_MIRROR: another Debian mirror (or a local one)
MIRROR = os.environ.get("LINUX_COMPARE_MIRROR", "http://deb.debian.org/debian")
ARCH = "armhf"
METAPACKAGE = "linux-image-armmp"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
BOARD_DTB = "vexpress-v2p-ca9.dtb"
RECORD = "kernel.json"


class FetchError(Exception):
    """The package cannot be had: the message says what is needed."""


def _apt_options(apt_dir):
    opts = {
        "Dir": apt_dir,
        "Dir::Etc::SourceList": os.path.join(apt_dir, "sources.list"),
        "Dir::Etc::SourceParts": os.path.join(apt_dir, "sources.list.d"),
        "Dir::Etc::Preferences": os.path.join(apt_dir, "preferences"),
        "Dir::Etc::PreferencesParts": os.path.join(apt_dir, "preferences.d"),
        "Dir::Etc::Parts": os.path.join(apt_dir, "apt.conf.d"),
        "Dir::State::status": os.path.join(apt_dir, "status"),
        "Dir::Cache::archives": os.path.join(apt_dir, "archives"),
        "APT::Architecture": ARCH,
        "APT::Architectures": ARCH,
        "Acquire::Languages": "none",
        "Debug::NoLocking": "1",
    }
    if os.geteuid() == 0:
        # as root apt would hand the download to the _apt user, which
        # cannot write into a private directory it does not own
        opts["APT::Sandbox::User"] = "root"
    args = []
    for k, v in opts.items():
        args += ["-o", f"{k}={v}"]
    return args


def _prepare_apt(apt_dir):
    for sub in ("sources.list.d", "preferences.d", "apt.conf.d", "archives/partial",
                "var/lib/apt/lists/partial", "var/cache/apt/archives/partial"):
        os.makedirs(os.path.join(apt_dir, sub), exist_ok=True)
    with open(os.path.join(apt_dir, "sources.list"), "w") as f:
        f.write(f"deb [arch={ARCH} signed-by={KEYRING}] {MIRROR} {SUITE} main\n")
    open(os.path.join(apt_dir, "status"), "a").close()


def _run(argv, cwd=None):
    try:
        res = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        raise FetchError(f"{argv[0]} is not installed; linux-compare needs Debian's apt "
                         f"and dpkg-deb to fetch the kernel package") from None
    return res


def _last_lines(text, n=6):
    return "\n".join("    " + line for line in text.strip().splitlines()[-n:])


def resolve_and_download(cache, log=print):
    """apt-get update, resolve the metapackage, download the image package."""
    for tool in ("apt-get", "apt-cache", "dpkg-deb"):
        if not shutil.which(tool):
            raise FetchError(f"{tool} not found: linux-compare downloads Debian's "
                             f"{METAPACKAGE} with apt (a Debian system is needed for "
                             f"the first run; later runs use {cache})")
    if not os.path.exists(KEYRING):
        raise FetchError(f"{KEYRING} is missing (package debian-archive-keyring): "
                         f"apt cannot check the archive's signature without it")
    apt_dir = os.path.join(cache, "apt")
    _prepare_apt(apt_dir)
    opts = _apt_options(apt_dir)
    log(f"linux-compare: apt-get update ({SUITE} main, {ARCH}) into {apt_dir}")
    res = _run(["apt-get", *opts, "-q", "update"])
    out = res.stdout + res.stderr
    if "Err:" in out or "Failed to fetch" in out:
        raise FetchError(
            f"cannot reach Debian's archive ({MIRROR}, {SUITE} main, {ARCH}):\n"
            f"{_last_lines(res.stdout + res.stderr)}\n"
            f"linux-compare needs the package {METAPACKAGE} once (about 45 MB), "
            f"then works offline from {cache}.  Connect this machine to the network, "
            f"or copy a filled {os.path.basename(cache)}/ directory from a machine "
            f"that has run it.")
    if res.returncode != 0 or "\nE:" in "\n" + out:
        raise FetchError(f"apt-get update failed:\n{_last_lines(out)}")
    res = _run(["apt-cache", *opts, "show", "--no-all-versions", METAPACKAGE])
    if res.returncode != 0:
        raise FetchError(f"apt-cache show {METAPACKAGE} failed:\n{_last_lines(res.stderr)}")
    fields = _control_fields(res.stdout)
    meta_version = fields.get("Version")
    image = None
    for dep in fields.get("Depends", "").split(","):
        name = dep.strip().split(" ")[0]
        if name.startswith("linux-image-") and name.endswith("-armmp"):
            image = name
    if not image or not meta_version:
        raise FetchError(f"{METAPACKAGE} {meta_version}: no linux-image-*-armmp in its "
                         f"Depends ({fields.get('Depends')!r})")
    res = _run(["apt-cache", *opts, "show", "--no-all-versions", image])
    img_fields = _control_fields(res.stdout)
    version = img_fields.get("Version")
    have = load(cache)
    if have and (have["package"], have["version"]) == (image, version):
        log(f"linux-compare: {METAPACKAGE} {meta_version} -> {image} {version}, "
            f"already in {cache}")
        shutil.rmtree(os.path.join(apt_dir, "var", "lib", "apt", "lists"), ignore_errors=True)
        return have
    log(f"linux-compare: {METAPACKAGE} {meta_version} -> {image} {version}; downloading")
    dl = os.path.join(cache, "download")
    shutil.rmtree(dl, ignore_errors=True)
    os.makedirs(dl)
    res = _run(["apt-get", *opts, "-q", "download", f"{image}={version}"], cwd=dl)
    debs = [f for f in os.listdir(dl) if f.endswith(".deb")]
    if res.returncode != 0 or len(debs) != 1:
        raise FetchError(f"apt-get download {image}={version} failed:\n"
                         f"{_last_lines(res.stdout + res.stderr)}")
    deb = os.path.join(dl, debs[0])
    with open(deb, "rb") as f:
        sha256 = hashlib.sha256(f.read()).hexdigest()
    if img_fields.get("SHA256") and img_fields["SHA256"] != sha256:
        raise FetchError(f"{debs[0]}: SHA256 {sha256} is not the archive's "
                         f"{img_fields['SHA256']}")
    record = {
        "suite": SUITE, "mirror": MIRROR, "arch": ARCH,
        "metapackage": METAPACKAGE, "metapackage_version": meta_version,
        "package": image, "version": version, "deb": debs[0], "sha256": sha256,
    }
    record.update(_extract(deb, cache, image))
    shutil.rmtree(dl, ignore_errors=True)
    # the package lists (18 MB) only served the resolving; --refresh gets them again
    shutil.rmtree(os.path.join(apt_dir, "var", "lib", "apt", "lists"), ignore_errors=True)
    with open(os.path.join(cache, RECORD), "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")
    return record


def _control_fields(text):
    """The first stanza of apt-cache show, as a dict (continuations joined)."""
    fields, key = {}, None
    for line in text.splitlines():
        if not line.strip():
            if fields:
                break
            continue
        if line[0] in " \t" and key:
            fields[key] += "\n" + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def _extract(deb, cache, image):
    """vmlinuz, config and the vexpress DTB out of the package's data tarball."""
    kernel_release = image[len("linux-image-"):]
    want = {
        f"./boot/vmlinuz-{kernel_release}": "vmlinuz",
        f"./boot/config-{kernel_release}": "config",
        f"./usr/lib/linux-image-{kernel_release}/{BOARD_DTB}": BOARD_DTB,
    }
    out = os.path.join(cache, kernel_release)
    os.makedirs(out, exist_ok=True)
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb], stdout=subprocess.PIPE)
    found = {}
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        for member in tar:
            if member.name in want and member.isfile():
                dest = os.path.join(out, want[member.name])
                with tar.extractfile(member) as src, open(dest, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                found[want[member.name]] = os.path.relpath(dest, cache)
    proc.stdout.close()
    if proc.wait() != 0:
        raise FetchError(f"dpkg-deb --fsys-tarfile {deb} failed")
    missing = [v for v in want.values() if v not in found]
    if missing:
        raise FetchError(f"{os.path.basename(deb)} has no {', '.join(missing)}")
    return {"kernel_release": kernel_release, "files": found}


def load(cache):
    """The recorded package, or None when the cache is empty or incomplete."""
    try:
        with open(os.path.join(cache, RECORD)) as f:
            record = json.load(f)
    except (OSError, ValueError):
        return None
    files = record.get("files", {})
    if not all(os.path.exists(os.path.join(cache, p)) for p in files.values()) or \
            set(files) != {"vmlinuz", "config", BOARD_DTB}:
        return None
    return record


def kernel(cache, refresh=False, offline=False, log=print):
    """The kernel package record, from the cache or (first run) from Debian."""
    record = None if refresh else load(cache)
    if record:
        return record
    if offline:
        raise FetchError(f"--offline and no usable kernel package in {cache}: "
                         f"linux-compare needs {METAPACKAGE} ({SUITE} main, {ARCH}), "
                         f"downloaded once with network")
    os.makedirs(cache, exist_ok=True)
    return resolve_and_download(cache, log)


def path(cache, record, name):
    return os.path.join(cache, record["files"][name])


def read_config(cache, record):
    """The kernel's .config as a dict: CONFIG_FOO -> 'y' / '16' / ..."""
    config = {}
    with open(path(cache, record, "config")) as f:
        for line in f:
            line = line.strip()
            if line.startswith("CONFIG_") and "=" in line:
                k, _, v = line.partition("=")
                config[k] = v.strip('"')
    return config
