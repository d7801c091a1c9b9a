# The Linux guest: Linux 6.1 from the Debian linux-source-6.1 tarball, built
# with gcc-riscv64-linux-gnu from allnoconfig + linux/config-fragment, and an
# uncompressed initramfs around linux/init/init.c.  Everything goes under
# $(B)/linux (ignored by git); a second `make linux` does nothing.
# Included by the top-level Makefile:
#     -include linux/linux.mk
#
#   make linux             build $(B)/linux/Image and $(B)/linux/initramfs.cpio
#   make linux-test        boot it on hartvisor: tests/linux/linux_test.sh
#   make linux-test-qemu   the same runs on qemu-system-riscv64 + OpenSBI
#   make linux-clean       remove $(B)/linux (the extracted tree too)

B ?= build

.PHONY: linux linux-test linux-test-qemu linux-clean
linux:
	@linux/build.sh $(B)/linux

linux-test: linux $(B)/hartvisor
	@LINUX_IMAGE=$(B)/linux/Image LINUX_INITRD=$(B)/linux/initramfs.cpio \
		tests/linux/linux_test.sh $(B)/hartvisor

linux-test-qemu: linux
	@LINUX_IMAGE=$(B)/linux/Image LINUX_INITRD=$(B)/linux/initramfs.cpio \
		tests/linux/linux_test.sh --qemu

linux-clean:
	rm -rf $(B)/linux
