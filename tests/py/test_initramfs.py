"""The initramfs the Linux way (issue 16, step 3): QEMU's -initrd puts a
newc cpio archive in RAM and its range in /chosen; the kernel reserves
it, unpacks it into the rootfs (file data in page-cache pages), frees
it, and the shell reads it back.  Broken archives are reported and the
kernel carries on."""
import os
import re
import subprocess

import pytest


def make_cpio(tmp_path, fmt="newc"):
    """A small tree packed by Debian's cpio, as the user-program helper packs its own."""
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "bin").mkdir()
    (root / "etc" / "motd").write_text("hello from the initramfs\n")
    big = "".join(f"line {i:05d} of a file of several pages\n" for i in range(400))
    (root / "etc" / "big.txt").write_text(big)
    os.symlink("/etc/motd", root / "motd.lnk")
    names = subprocess.run(["find", "."], cwd=root, capture_output=True, text=True,
                           check=True).stdout
    out = tmp_path / f"rootfs-{fmt}.cpio"
    with open(out, "wb") as f:
        subprocess.run(["cpio", "--quiet", "-o", "-H", fmt, "--owner", "0:0"], cwd=root,
                       input="\n".join(sorted(names.split())).encode() + b"\n", stdout=f,
                       check=True)
    return out, big


def pages_freed(out):
    m = re.search(r"Freeing initrd memory: (\d+)K", out)
    return int(m[1]) // 4 if m else None


@pytest.mark.parametrize("mem,smp", [("64M", 1), ("256M", 4)])
def test_initramfs_is_unpacked_and_freed(boot, tmp_path, mem, smp):
    cpio, big = make_cpio(tmp_path)
    con = boot(mem=mem, smp=smp, extra=("-initrd", str(cpio)))
    log = con.boot_log
    assert "Trying to unpack rootfs image as initramfs..." in log
    assert "Initramfs unpacking failed" not in log
    # every whole page the archive covered, not more: its size decides the count
    size = os.path.getsize(cpio)
    freed = pages_freed(log)
    assert freed is not None and size // 4096 <= freed <= size // 4096 + 2, (size, freed)
    out = con.run("ls /")
    assert re.search(r"^d\S+ .* bin$", out, re.M) and re.search(r"^d\S+ .* etc$", out, re.M)
    assert re.search(r"^l\S+ .* motd\.lnk -> /etc/motd$", out, re.M), out
    assert not re.search(r" \.$", out, re.M)
    out = con.run("ls /etc")
    m = re.search(r"^-rw-r--r--\s+1\s+0\s+0\s+(\d+)\s+(\d+) big\.txt$", out, re.M)
    assert m and int(m[1]) == len(big) and int(m[2]) == (len(big) + 4095) // 4096, out
    assert con.run("cat /etc/motd").strip() == "hello from the initramfs"
    assert con.run("cat /etc/big.txt", timeout=60).replace("\r", "").strip() == big.strip()
    assert "Is a directory" in con.run("cat /etc")
    assert "cat: /nope: No such file or directory" in con.run("cat /nope")
    assert "No such file or directory" in con.run("ls /nope")


def test_no_initrd_no_message(boot):
    con = boot(mem="128M", smp=1)
    assert "initramfs" not in con.boot_log and "Freeing initrd" not in con.boot_log
    assert "rootfs: 0 page-cache pages" in con.run("ls")


@pytest.mark.parametrize("kind,reason", [
    ("garbage", "no cpio magic"),
    ("odc", "incorrect cpio method used: use -H newc option"),
    ("truncated", "truncated file data"),
])
def test_broken_initramfs_is_reported(boot, tmp_path, kind, reason):
    cpio, _ = make_cpio(tmp_path)
    data = cpio.read_bytes()
    bad = tmp_path / f"{kind}.cpio"
    if kind == "garbage":
        bad.write_bytes(b"this is not an archive at all\n" * 100)
    elif kind == "odc":
        odc, _ = make_cpio(tmp_path / "odc", fmt="odc")
        bad.write_bytes(odc.read_bytes())
    else:
        # cut inside big.txt's data: what came before it is kept
        bad.write_bytes(data[:data.index(b"line 00200")])
    con = boot(mem="128M", smp=2, extra=("-initrd", str(bad)))
    assert f"Initramfs unpacking failed: {reason}" in con.boot_log, con.boot_log
    assert pages_freed(con.boot_log) is not None   # freed all the same
    assert "a9mm version" in con.run("version")
    if kind == "truncated":
        # members before the cut are there, the cut one is not
        assert re.search(r"^d\S+ .* etc$", con.run("ls /"), re.M)
        assert "No such file" in con.run("cat /etc/big.txt")


def test_make_qemu_hands_the_user_programs_initramfs():
    """make qemu/debug boot with build/initramfs.cpio; INITRD= (empty) without one."""
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    for target in ("qemu", "debug"):
        cmd = subprocess.run(["make", "-s", "-n", target], cwd=root, capture_output=True,
                             text=True, check=True).stdout
        assert "-initrd build/initramfs.cpio" in cmd, cmd
        cmd = subprocess.run(["make", "-s", "-n", target, "INITRD="], cwd=root,
                             capture_output=True, text=True, check=True).stdout
        assert "-initrd" not in cmd, cmd
