/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * C extension: a representative set of compressed instructions, each in its
 * own tiny function written with the explicit c.* mnemonic (so the assembler
 * cannot pick the 32-bit form), checked by its result and by the encoding
 * really being 16 bits.  Arguments arrive in a0/a1 (x10/x11, both in the
 * compressed register set x8-x15), the result leaves in a0.
 */
#include "guest.h"

#define RVC_FN(name, body) ".globl " #name "\n.balign 4\n" #name ":\n" body "\n\tret\n"

asm(".pushsection .text\n.option push\n.option rvc\n" RVC_FN(t_c_li, "c.li a0, -32") RVC_FN(
	t_c_lui, "c.lui a0, 0xfffe0") RVC_FN(t_c_addi, "c.addi a0, -7") RVC_FN(t_c_addiw,
									       "c.addiw a0, 1")
	    RVC_FN(t_c_slli, "c.slli a0, 63") RVC_FN(t_c_srli, "c.srli a0, 60")
		    RVC_FN(t_c_srai, "c.srai a0, 60") RVC_FN(t_c_andi, "c.andi a0, -16")
			    RVC_FN(t_c_mv, "c.mv a0, a1") RVC_FN(t_c_add, "c.add a0, a1")
				    RVC_FN(t_c_sub, "c.sub a0, a1") RVC_FN(t_c_xor, "c.xor a0, a1")
					    RVC_FN(t_c_or, "c.or a0, a1") RVC_FN(t_c_and,
										 "c.and a0, a1")
						    RVC_FN(t_c_addw, "c.addw a0, a1")
							    RVC_FN(t_c_subw, "c.subw a0, a1")
    /* a0 = address: loads and stores with an offset */
    RVC_FN(t_c_lw, "c.lw a0, 4(a0)") RVC_FN(t_c_ld, "c.ld a0, 8(a0)")
	    RVC_FN(t_c_sw, "c.sw a1, 4(a0)") RVC_FN(t_c_sd, "c.sd a1, 8(a0)")
		    RVC_FN(t_c_fld, "c.fld fa0, 8(a0)\n\tfmv.x.d a0, fa0")
			    RVC_FN(t_c_fsd, "fmv.d.x fa0, a1\n\tc.fsd fa0, 16(a0)")
    /* sp-relative forms: a0 is the value, the stack is ours */
    RVC_FN(t_c_sdsp_ldsp, "c.addi16sp sp, -32\n\tc.sdsp a0, 24(sp)\n\tc.li a0, 0\n\t"
			  "c.ldsp a0, 24(sp)\n\tc.addi16sp sp, 32")
	    RVC_FN(t_c_swsp_lwsp, "c.addi16sp sp, -16\n\tc.swsp a0, 12(sp)\n\tc.li a0, 0\n\t"
				  "c.lwsp a0, 12(sp)\n\tc.addi16sp sp, 16")
		    RVC_FN(t_c_fsdsp_fldsp,
			   "c.addi16sp sp, -16\n\tfmv.d.x fa1, a0\n\tc.fsdsp fa1, 8(sp)\n\t"
			   "fmv.d.x fa1, zero\n\tc.fldsp fa1, 8(sp)\n\tfmv.x.d a0, fa1\n\t"
			   "c.addi16sp sp, 16")
    /* c.addi4spn: a0 = sp + 8 - sp */
    RVC_FN(t_c_addi4spn, "c.addi4spn a0, sp, 8\n\tsub a0, a0, sp")
    /* control flow: the result says which path ran */
    RVC_FN(t_c_beqz, "c.beqz a0, 1f\n\tc.li a0, 2\n\tc.j 2f\n1:\tc.li a0, 1\n2:") RVC_FN(
	    t_c_bnez, "c.bnez a0, 1f\n\tc.li a0, 2\n\tc.j 2f\n1:\tc.li a0, 1\n2:")
	    RVC_FN(t_c_jr,
		   "c.jr a1\n\tc.li a0, 3\n\tret\n.globl t_c_jr_target\nt_c_jr_target:\tc.li a0, 2")
		    RVC_FN(t_c_jalr,
			   "c.mv a2, ra\n\tlla a1, 1f\n\tc.jalr a1\n\tc.mv ra, a2\n\tret\n"
			   ".balign 2\n1:\tc.mv a0, ra\n\tlla a1, t_c_jalr\n\tsub a0, a0, "
			   "a1\n\tc.jr ra")
			    RVC_FN(t_c_nop, "c.nop\n\tc.nop") ".option pop\n.popsection\n");

typedef uint64_t (*rvc_fn)(uint64_t a0, uint64_t a1);

#define DECL(name) extern char name[];
DECL(t_c_li)
DECL(t_c_lui)
DECL(t_c_addi)
DECL(t_c_addiw)
DECL(t_c_slli)
DECL(t_c_srli)
DECL(t_c_srai)
DECL(t_c_andi)
DECL(t_c_mv)
DECL(t_c_add)
DECL(t_c_sub)
DECL(t_c_xor)
DECL(t_c_or)
DECL(t_c_and)
DECL(t_c_addw)
DECL(t_c_subw)
DECL(t_c_lw)
DECL(t_c_ld)
DECL(t_c_sw)
DECL(t_c_sd)
DECL(t_c_fld)
DECL(t_c_fsd)
DECL(t_c_sdsp_ldsp)
DECL(t_c_swsp_lwsp)
DECL(t_c_fsdsp_fldsp)
DECL(t_c_addi4spn)
DECL(t_c_beqz)
DECL(t_c_bnez)
DECL(t_c_jr)
DECL(t_c_jr_target)
DECL(t_c_jalr)
DECL(t_c_nop)

static volatile uint64_t buf[4];

static const struct {
	const char *name;
	char *fn;
	uint64_t a0, a1, expected;
} cases[] = {
	{"c.li -32", t_c_li, 0, 0, (uint64_t)-32},
	{"c.lui sign-extends", t_c_lui, 0, 0, 0xfffffffffffe0000ull},
	{"c.addi -7", t_c_addi, 10, 0, 3},
	{"c.addiw wraps", t_c_addiw, 0x7fffffff, 0, 0xffffffff80000000ull},
	{"c.slli 63", t_c_slli, 3, 0, 0x8000000000000000ull},
	{"c.srli 60", t_c_srli, 0xf000000000000000ull, 0, 0xf},
	{"c.srai 60", t_c_srai, 0x8000000000000000ull, 0, ~7ull},
	{"c.andi -16", t_c_andi, 0x12345, 0, 0x12340},
	{"c.mv", t_c_mv, 1, 0xabcdef, 0xabcdef},
	{"c.add", t_c_add, 40, 2, 42},
	{"c.sub", t_c_sub, 2, 3, ~0ull},
	{"c.xor", t_c_xor, 0xff00, 0x0ff0, 0xf0f0},
	{"c.or", t_c_or, 0xff00, 0x0ff0, 0xfff0},
	{"c.and", t_c_and, 0xff00, 0x0ff0, 0x0f00},
	{"c.addw wraps", t_c_addw, 0x7fffffff, 1, 0xffffffff80000000ull},
	{"c.subw wraps", t_c_subw, 0x80000000, 1, 0x7fffffff},
	{"c.addi16sp/c.sdsp/c.ldsp", t_c_sdsp_ldsp, 0x1122334455667788ull, 0,
	 0x1122334455667788ull},
	{"c.swsp/c.lwsp sign-extends", t_c_swsp_lwsp, 0x80000001, 0, 0xffffffff80000001ull},
	{"c.fsdsp/c.fldsp", t_c_fsdsp_fldsp, 0x400921fb54442d18ull, 0, 0x400921fb54442d18ull},
	{"c.addi4spn sp+8", t_c_addi4spn, 0, 0, 8},
	{"c.beqz taken", t_c_beqz, 0, 0, 1},
	{"c.beqz not taken", t_c_beqz, 5, 0, 2},
	{"c.bnez taken", t_c_bnez, 5, 0, 1},
	{"c.bnez not taken", t_c_bnez, 0, 0, 2},
	{"c.jr", t_c_jr, 0, (uint64_t)t_c_jr_target, 2},
	{"c.jalr links pc+2", t_c_jalr, 0, 0, 0 /* patched below */},
	{"c.nop", t_c_nop, 77, 0, 77},
};

static bool is_compressed(const void *fn)
{
	return (*(const volatile uint16_t *)fn & 3) != 3;
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		uint64_t expected = cases[i].expected;

		if (cases[i].fn == t_c_jalr) {
			/* ra = address of the c.jalr + 2; c.jalr is the 4th halfword after
			 * c.mv (2) + lla (8): offset 10, so ra - fn = 12. */
			expected = 12;
		}
		test_check_eqf(expected, ((rvc_fn)(void *)cases[i].fn)(cases[i].a0, cases[i].a1),
			       "%s", cases[i].name);
		test_checkf(is_compressed(cases[i].fn), "%s is a 16-bit encoding", cases[i].name);
	}

	buf[0] = 0x8000000180000002ull;
	buf[1] = 0x0123456789abcdefull;
	CHECK_EQ("c.lw sign-extends", 0xffffffff80000001ull,
		 ((rvc_fn)(void *)t_c_lw)((uint64_t)buf, 0));
	CHECK_EQ("c.ld", 0x0123456789abcdefull, ((rvc_fn)(void *)t_c_ld)((uint64_t)buf, 0));
	((rvc_fn)(void *)t_c_sw)((uint64_t)buf, 0x5555aaaa);
	CHECK_EQ("c.sw stores one word", 0x5555aaaa80000002ull, buf[0]);
	((rvc_fn)(void *)t_c_sd)((uint64_t)buf, 0xfeedfacecafebeefull);
	CHECK_EQ("c.sd", 0xfeedfacecafebeefull, buf[1]);
	CHECK_EQ("c.fld", 0xfeedfacecafebeefull, ((rvc_fn)(void *)t_c_fld)((uint64_t)buf, 0));
	((rvc_fn)(void *)t_c_fsd)((uint64_t)buf, 0x3ff0000000000000ull);
	CHECK_EQ("c.fsd", 0x3ff0000000000000ull, buf[2]);

	/* c.ebreak traps like ebreak and is 2 bytes long. */
	trap_expect();
	asm volatile(".option push\n.option rvc\nc.ebreak\n.option pop");
	{
		struct trap_info t = trap_result();

		CHECK_EQ("c.ebreak raises breakpoint", CAUSE_BREAKPOINT, t.cause);
		CHECK("c.ebreak sepc is 16-bit insn", is_compressed((void *)t.epc));
	}
	/* The all-zero halfword is defined to be illegal. */
	trap_expect();
	asm volatile(".2byte 0");
	CHECK_EQ("0x0000 is an illegal instruction", CAUSE_ILLEGAL_INSTRUCTION,
		 trap_result().cause);
	return 0;
}
