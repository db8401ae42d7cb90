// SPDX-License-Identifier: BSD-2-Clause
// pamu_xlate.sv - synthesizable RTL of the PAMU translation path: PAACE/SPAACE fetch from a memory
// port, window and subwindow match, permission check, operation and address translation, fault
// outputs and the latched error registers, with a small direct-mapped PAACE cache.
//
// Rules: docs/pamu-model.md 3-8 (the walk in its order, AVS1/AVS2/AVA and POES1/POES2/POEA values),
// layout: hw-facts.md 5.1/5.2 (host-order words; byte k of an entry is mem_data[8k +: 8]). Subset and
// interface: docs/cosim.md 7 (no OMT: an entry using OTM 2 raises resp.oos; no PICS/interrupt, no
// register file: table registers and control bits are inputs). Result encodings are the values of
// enum pamu_xlate_kind / pamu_fault / pamu_unsupported_field (model/pamu/pamu.h); the testbench
// checks that they agree. PAMU_BUGS plants the known bugs of docs/cosim.md 8, each gated by bug_en.
`default_nettype none

module pamu_xlate #(
	parameter int CACHE_ENTRIES = 4,	// PAACE cache entries, a power of two >= 2
	parameter int PIPE_DEPTH = 1		// response register stages, >= 1
) (
	input wire logic clk,
	input wire logic rst_n,
	// Configuration (register values and inputs)
	input wire logic bypass,
	input wire logic erratum,		// A-003638: V = 0 reported
	input wire logic pc_pgc,
	input wire logic pc_pe,
	input wire logic [63:0] ppba,
	input wire logic [63:0] ppla,
	input wire logic [63:0] spba,
	input wire logic [63:0] spla,
	input wire logic cache_inv,		// drop every cached PAACE (tables or registers changed)
	input wire logic av_clear,		// AVS1 bits 14:0 write-1-to-clear
	input wire logic poes_clear,		// POES1 bits 3:0 write-1-to-clear
`ifdef PAMU_BUGS
	input wire logic [3:0] bug_en,
`endif
	// Request (one outstanding)
	input wire logic req_valid,
	output logic req_ready,
	input wire logic [15:0] req_liodn,
	input wire logic [63:0] req_addr,
	input wire logic [31:0] req_size,
	input wire logic [7:0] req_op,
	// Memory port: words 0-7 of the 64-byte entry at mem_addr; mem_err if any of its 64 bytes fails
	output logic mem_req,
	output logic [63:0] mem_addr,
	input wire logic mem_ack,
	input wire logic [255:0] mem_data,
	input wire logic mem_err,
	// Response
	output logic resp_valid,
	output logic [2:0] resp_kind,
	output logic [4:0] resp_fault,
	output logic [2:0] resp_unsup,
	output logic [7:0] resp_unsup_val,
	output logic [63:0] resp_paddr,
	output logic [7:0] resp_out_op,
	output logic [7:0] resp_stash,
	output logic [7:0] resp_snoop,
	output logic [7:0] resp_did,
	output logic [7:0] resp_pid,
	output logic resp_coherent,
	output logic resp_to_io,
	output logic resp_slot_valid,
	output logic [15:0] resp_slot,
	output logic [31:0] resp_avs1,
	output logic [31:0] resp_avs2,
	output logic [63:0] resp_ava,
	output logic [31:0] resp_poes1,
	output logic [31:0] resp_poes2,
	output logic [63:0] resp_poea,
	output logic resp_reported,
	output logic resp_latched,
	output logic resp_oos,			// outside the RTL's subset (OTM 2 used)
	// Latched error registers
	output logic [31:0] avs1_q,
	output logic [31:0] avs2_q,
	output logic [63:0] ava_q,
	output logic [31:0] poes1_q,
	output logic [31:0] poes2_q,
	output logic [63:0] poea_q,
	output logic cache_hit			// the last primary entry came from the cache (coverage)
);
	localparam int IW = $clog2(CACHE_ENTRIES);

	// enum pamu_xlate_kind, pamu_fault, pamu_unsupported_field (pamu.h)
	localparam logic [2:0] K_OK = 3'd0, K_BYPASS = 3'd1, K_FAULT = 3'd2, K_UNSUP = 3'd3, K_BAD = 3'd4;
	localparam logic [4:0] F_GCV = 5'd1, F_PDV = 5'd2, F_LIODN_RANGE = 5'd3,
		F_PAACE_INVALID = 5'd4, F_PAACE_TYPE = 5'd5, F_WINDOW = 5'd6, F_WINDOW_CROSS = 5'd7,
		F_SPAACE_INVALID = 5'd8, F_SUB_CROSS = 5'd9, F_SUB_SIZE = 5'd10, F_SPAACE_RANGE = 5'd11,
		F_SPAACE_OWNER = 5'd12, F_PERMISSION = 5'd13, F_MOE_INVALID = 5'd14, F_OP_UNDEFINED = 5'd16,
		F_TABLE_FETCH = 5'd17;
	localparam logic [2:0] U_WSE = 3'd1, U_ATM = 3'd2, U_OTM = 3'd3, U_WCE = 3'd4,
		U_SWSE = 3'd5;

	typedef struct packed {
		logic [2:0] kind;
		logic [4:0] fault;
		logic [2:0] unsup;
		logic [7:0] unsup_val;
		logic [63:0] paddr;
		logic [7:0] out_op;
		logic [7:0] stash;
		logic [7:0] snoop;
		logic [7:0] did;
		logic [7:0] pid;
		logic coherent;
		logic to_io;
		logic slot_valid;
		logic [15:0] slot;
		logic [31:0] avs1;
		logic [31:0] avs2;
		logic [63:0] ava;
		logic [31:0] poes1;
		logic [31:0] poes2;
		logic [63:0] poea;
		logic reported;
		logic latched;
		logic oos;
	} res_t;

	typedef enum logic [2:0] { S_IDLE, S_START, S_PWAIT, S_PRIM, S_SWAIT, S_RES, S_DONE } state_t;

	// Planted bugs (docs/cosim.md 8): PAMU_BUG_<NAME> builds one in for good; PAMU_BUGS builds all of
	// them in, each switched by a bit of bug_en (one verilation for every planted-bug test).
	wire bug_subwin_index, bug_perm_invert, bug_window_limit, bug_cache_no_inval;
`ifdef PAMU_BUGS
	assign bug_subwin_index = bug_en[0];
	assign bug_perm_invert = bug_en[1];
	assign bug_window_limit = bug_en[2];
	assign bug_cache_no_inval = bug_en[3];
`else
`ifdef PAMU_BUG_SUBWIN_INDEX
	assign bug_subwin_index = 1'b1;
`else
	assign bug_subwin_index = 1'b0;
`endif
`ifdef PAMU_BUG_PERM_INVERT
	assign bug_perm_invert = 1'b1;
`else
	assign bug_perm_invert = 1'b0;
`endif
`ifdef PAMU_BUG_WINDOW_LIMIT
	assign bug_window_limit = 1'b1;
`else
	assign bug_window_limit = 1'b0;
`endif
`ifdef PAMU_BUG_CACHE_NO_INVAL
	assign bug_cache_no_inval = 1'b1;
`else
	assign bug_cache_no_inval = 1'b0;
`endif
`endif

	state_t state;
	res_t res, res_n;
	// The request
	logic [15:0] r_liodn;
	logic [63:0] r_addr;
	logic [31:0] r_size;
	logic [7:0] r_op;
	// Walk state
	logic [255:0] pe, re;			// primary entry, resolved entry (words 0-7)
	logic [63:0] slot_base, soff;
	logic [5:0] s_log2;
	logic mw;
	logic slot_valid;
	logic [15:0] slot;
	// PAACE cache
	logic [CACHE_ENTRIES-1:0] c_valid;
	logic [15:0] c_tag [CACHE_ENTRIES];
	logic [255:0] c_data [CACHE_ENTRIES];

	function automatic logic [31:0] word(input logic [255:0] e, input int w);
		return e[32 * w +: 32];
	endfunction
	function automatic logic [7:0] byte_at(input logic [255:0] e, input int b);
		return e[8 * b +: 8];
	endfunction
	function automatic logic [63:0] mask_below(input logic [5:0] log2);
		return (64'd1 << log2) - 64'd1;
	endfunction

	// AVS1 / AVS2 values of a violation (docs/pamu-model.md 5).
	function automatic logic [31:0] avs1_of(input logic [14:0] fields, input logic [15:0] liodn);
		return {liodn, 16'd0} | {17'd0, fields} | 32'd1;
	endfunction
	function automatic logic [31:0] avs2_of(input logic [31:0] size, input logic [7:0] op);
		return {(size > 32'hffffff) ? 24'hffffff : size[23:0], op};
	endfunction

	// A result with nothing but kind (and subwindow -1), as the model starts one.
	function automatic res_t blank(input logic [2:0] kind);
		res_t r;

		r = '0;
		r.kind = kind;
		return r;
	endfunction

	// AVS1 field images: OTV 2:1, APV 6:3, WAV 9:7, LAV 12:10, GCV 13, PDV 14.
	function automatic logic [14:0] f_otv(input logic [1:0] v); return {12'd0, v, 1'b0}; endfunction
	function automatic logic [14:0] f_apv(input logic [3:0] v); return {8'd0, v, 3'd0}; endfunction
	function automatic logic [14:0] f_wav(input logic [2:0] v); return {5'd0, v, 7'd0}; endfunction
	function automatic logic [14:0] f_lav(input logic [2:0] v); return {2'd0, v, 10'd0}; endfunction

	function automatic res_t violation(input logic [4:0] fault, input logic [14:0] fields,
					   input logic [15:0] liodn, input logic [63:0] addr,
					   input logic [31:0] size, input logic [7:0] op, input logic erratum_on);
		res_t r;

		r = blank(K_FAULT);
		r.fault = fault;
		r.avs1 = avs1_of(fields, liodn);
		r.avs2 = avs2_of(size, op);
		r.ava = addr;
		r.reported = fault != F_PAACE_INVALID || erratum_on;
		return r;
	endfunction

	function automatic res_t op_error(input logic [1:0] table_id, input logic [63:0] at,
					  input logic [15:0] liodn, input logic [7:0] op);
		res_t r;

		r = blank(K_FAULT);
		r.fault = F_TABLE_FETCH;
		r.poes1 = {liodn, 13'd0, table_id, 1'b1};
		r.poes2 = {24'd0, op};
		r.poea = at;
		r.reported = 1'b1;
		return r;
	endfunction

	function automatic res_t unsupported(input logic [2:0] field, input logic [7:0] value);
		res_t r;

		r = blank(K_UNSUP);
		r.unsup = field;
		r.unsup_val = value;
		return r;
	endfunction

	// Needs of an inbound code (docs/pamu-model.md 3): {defined, write, read}.
	function automatic logic [2:0] op_needs(input logic [7:0] op);
		case (op)
		8'h00, 8'h82, 8'h84, 8'h85, 8'h87: return 3'b101;
		8'h81, 8'h83, 8'h86: return 3'b110;
		8'h8c, 8'h8d, 8'h8e, 8'h8f: return 3'b111;
		default: return 3'b000;
		endcase
	endfunction

	// ---------------------------------------------------------------- decode stages (combinational)
	logic [IW-1:0] c_idx;
	logic c_hit;
	assign c_idx = r_liodn[IW-1:0];
	assign c_hit = c_valid[c_idx] && c_tag[c_idx] == r_liodn;

	// S_START: bad request, bypass, gate, enable, PPAACT limit.
	logic wraps;			// address + size beyond 2^64 (size >= 1)
	logic [63:0] e_addr_n;
	assign wraps = r_addr > ~{32'd0, r_size - 32'd1};
	assign e_addr_n = ppba + {42'd0, r_liodn, 6'd0};

	// S_PRIM: the primary entry.
	// Whole words are decoded by field; the bits a stage does not use are reserved or other fields.
	/* verilator lint_off UNUSEDSIGNAL */
	logic [31:0] p_w1, p_w3;
	/* verilator lint_on UNUSEDSIGNAL */
	logic [5:0] p_wse, w_log2, n_log2, s_log2_n;
	logic [63:0] w_size, base, off, s_size, soff_n, idx, f_addr_n, win_left;
	logic [63:0] slot_i;
	assign p_w1 = word(pe, 1);
	assign p_w3 = word(pe, 3);
	assign p_wse = p_w1[11:6];
	assign w_log2 = p_wse + 6'd1;
	assign w_size = 64'd1 << w_log2;
	assign base = {word(pe, 0), p_w1[31:12], 12'd0} & ~(w_size - 64'd1);
	assign off = r_addr - base;
	assign win_left = w_size - off;
	assign n_log2 = {2'd0, p_w3[7:4]} + 6'd1;
	assign s_log2_n = p_w1[5] ? w_log2 - n_log2 : w_log2;
	assign s_size = 64'd1 << s_log2_n;
	assign slot_i = off >> s_log2_n;
	assign soff_n = off & mask_below(s_log2_n);
	assign idx = {32'd0, word(pe, 6)} + slot_i - (bug_subwin_index ? 64'd0 : 64'd1);
	assign f_addr_n = spba + (idx << 6);

	// S_SWAIT: the secondary entry (mem_data).
	/* verilator lint_off UNUSEDSIGNAL */
	logic [31:0] s_w1;
	/* verilator lint_on UNUSEDSIGNAL */
	assign s_w1 = word(mem_data, 1);

	// S_RES: the resolved entry.
	/* verilator lint_off UNUSEDSIGNAL */
	logic [31:0] q_w1, q_w3, q_w5;
	/* verilator lint_on UNUSEDSIGNAL */
	logic [2:0] needs;
	logic [1:0] ap_eff;
	logic [3:0] apv;
	logic [5:0] swse;
	logic [7:0] moe;
	logic moe_used;
	logic [63:0] twba;
	assign q_w1 = word(re, 1);
	assign q_w3 = word(re, 3);
	assign q_w5 = word(re, 5);
	assign needs = op_needs(r_op);
	assign ap_eff = bug_perm_invert ? ~q_w1[4:3] : q_w1[4:3];
	assign apv = {2'd0, needs[1:0] & ~ap_eff};
	assign swse = q_w5[11:6];
	assign twba = {word(re, 4), q_w5[31:12], 12'd0};
	always_comb begin
		moe_used = 1'b1;
		if (r_op == byte_at(re, 28))
			moe = byte_at(re, 29);
		else if (r_op == byte_at(re, 30))
			moe = byte_at(re, 31);
		else begin
			moe = 8'd0;
			moe_used = 1'b0;
		end
	end

	// ---------------------------------------------------------------- next state and result
	state_t state_n;
	logic fill;			// write the fetched PAACE into the cache
	logic take_pe, take_re_pe, take_re_se;
	logic [63:0] mem_addr_n;
	logic mem_req_n;

	always_comb begin
		state_n = state;
		res_n = res;
		fill = 1'b0;
		take_pe = 1'b0;
		take_re_pe = 1'b0;
		take_re_se = 1'b0;
		mem_req_n = 1'b0;
		mem_addr_n = mem_addr;
		case (state)
		S_IDLE: ;
		S_START: begin
			state_n = S_DONE;
			if (r_size == 32'd0 || wraps)
				res_n = blank(K_BAD);
			else if (bypass) begin
				res_n = blank(K_BYPASS);
				res_n.paddr = r_addr;
				res_n.out_op = {1'b0, r_op[6:0]};
			end else if (pc_pgc)
				res_n = violation(F_GCV, 15'h2000, r_liodn, r_addr, r_size, r_op, erratum);
			else if (!pc_pe)
				res_n = violation(F_PDV, 15'h4000, r_liodn, r_addr, r_size, r_op, erratum);
			else if (e_addr_n + 64'd64 > ppla)
				res_n = violation(F_LIODN_RANGE, f_lav(3'd1), r_liodn, r_addr, r_size, r_op, erratum);
			else if (c_hit) begin
				take_pe = 1'b1;
				state_n = S_PRIM;
			end else begin
				mem_req_n = 1'b1;
				mem_addr_n = e_addr_n;
				state_n = S_PWAIT;
			end
		end
		S_PWAIT: begin
			mem_req_n = 1'b1;
			if (mem_ack) begin
				mem_req_n = 1'b0;
				if (mem_err) begin
					res_n = op_error(2'd1, mem_addr, r_liodn, r_op);
					state_n = S_DONE;
				end else begin
					take_pe = 1'b1;
					fill = 1'b1;
					state_n = S_PRIM;
				end
			end
		end
		S_PRIM: begin
			state_n = S_DONE;
			if (!p_w1[0])
				res_n = violation(F_PAACE_INVALID, f_lav(3'd2), r_liodn, r_addr, r_size, r_op, erratum);
			else if (p_w1[1])
				res_n = violation(F_PAACE_TYPE, f_lav(3'd3), r_liodn, r_addr, r_size, r_op, erratum);
			else if (p_wse < 6'h0b || p_wse > 6'h23)
				res_n = unsupported(U_WSE, {2'd0, p_wse});
			else if (p_w3[3:2] > 2'd1)
				res_n = unsupported(U_ATM, {6'd0, p_w3[3:2]});
			else if (p_w3[1:0] == 2'd3)
				res_n = unsupported(U_OTM, 8'd3);
			else if (r_addr < base || off >= w_size)
				res_n = violation(F_WINDOW, f_wav(3'd1), r_liodn, r_addr, r_size, r_op, erratum);
			else if (bug_window_limit ? {32'd0, r_size} >= win_left : {32'd0, r_size} > win_left)
				res_n = violation(F_WINDOW_CROSS, f_wav(3'd2), r_liodn, r_addr, r_size, r_op, erratum);
			else if (p_w1[5] && w_log2 < n_log2 + 6'd12)
				res_n = unsupported(U_WCE, {4'd0, p_w3[7:4]});
			else if (p_w1[5] && {32'd0, r_size} > s_size - soff_n)
				res_n = violation(F_SUB_CROSS, f_wav(3'd4), r_liodn, r_addr, r_size, r_op, erratum);
			else if (p_w1[5] && slot_i != 64'd0) begin
				if (f_addr_n + 64'd64 > spla)
					res_n = violation(F_SPAACE_RANGE, f_wav(3'd6), r_liodn, r_addr, r_size, r_op,
							  erratum);
				else begin
					mem_req_n = 1'b1;
					mem_addr_n = f_addr_n;
					state_n = S_SWAIT;
				end
			end else begin
				take_re_pe = 1'b1;
				state_n = S_RES;
			end
		end
		S_SWAIT: begin
			mem_req_n = 1'b1;
			if (mem_ack) begin
				mem_req_n = 1'b0;
				state_n = S_DONE;
				if (mem_err)
					res_n = op_error(2'd2, mem_addr, r_liodn, r_op);
				else if (!s_w1[0])
					res_n = violation(F_SPAACE_INVALID, f_wav(3'd3), r_liodn, r_addr, r_size, r_op,
							  erratum);
				else if (!s_w1[1] || s_w1[31:16] != r_liodn)
					res_n = violation(F_SPAACE_OWNER, f_wav(3'd7), r_liodn, r_addr, r_size, r_op,
							  erratum);
				else begin
					take_re_se = 1'b1;
					state_n = S_RES;
				end
			end
		end
		S_RES: begin
			state_n = S_DONE;
			if (!needs[2])
				res_n = violation(F_OP_UNDEFINED, f_otv(2'd3), r_liodn, r_addr, r_size, r_op, erratum);
			else if (apv != 4'd0)
				res_n = violation(F_PERMISSION, f_apv(apv), r_liodn, r_addr, r_size, r_op, erratum);
			else if (mw && swse < 6'h0b)
				res_n = unsupported(U_SWSE, {2'd0, swse});
			else if (mw && swse + 6'd1 < s_log2 &&
				 soff + {32'd0, r_size} > (64'd1 << (swse + 6'd1)))
				res_n = violation(F_SUB_SIZE, f_wav(3'd5), r_liodn, r_addr, r_size, r_op, erratum);
			else if (q_w3[1:0] == 2'd1 && moe_used && !moe[7])
				res_n = violation(F_MOE_INVALID, f_otv(2'd1), r_liodn, r_addr, r_size, r_op, erratum);
			else if (q_w3[1:0] == 2'd2) begin
				res_n = blank(K_UNSUP);
				res_n.oos = 1'b1;
			end else if (q_w3[1:0] == 2'd3)
				res_n = unsupported(U_OTM, 8'd3);
			else if (q_w3[3:2] > 2'd1)
				res_n = unsupported(U_ATM, {6'd0, q_w3[3:2]});
			else begin
				res_n = blank(K_OK);
				res_n.paddr = q_w3[3:2] == 2'd1 ?
					(twba & ~mask_below(s_log2)) + (r_addr - slot_base) : r_addr;
				res_n.out_op = (q_w3[1:0] == 2'd1 && moe_used) ? {1'b0, moe[6:0]} : {1'b0, r_op[6:0]};
				res_n.stash = q_w3[23:16];
				res_n.snoop = byte_at(re, 10);
				res_n.did = byte_at(re, 8);
				res_n.pid = byte_at(re, 9);
				res_n.coherent = byte_at(re, 11) >> 7 != 8'd0;
				res_n.to_io = q_w1[2];
				res_n.slot_valid = slot_valid;
				res_n.slot = slot;
			end
		end
		S_DONE: state_n = S_IDLE;
		default: state_n = S_IDLE;
		endcase
	end

	// ---------------------------------------------------------------- registers
	res_t pipe [PIPE_DEPTH];
	logic [PIPE_DEPTH-1:0] pipe_v;
	logic latch_av, latch_poes;

	assign latch_av = state == S_DONE && res.kind == K_FAULT && res.fault != F_TABLE_FETCH &&
			  res.reported && !avs1_q[0];
	assign latch_poes = state == S_DONE && res.kind == K_FAULT && res.fault == F_TABLE_FETCH && !poes1_q[0];

	always_ff @(posedge clk or negedge rst_n) begin
		if (!rst_n) begin
			state <= S_IDLE;
			res <= '0;
			r_liodn <= '0;
			r_addr <= '0;
			r_size <= '0;
			r_op <= '0;
			pe <= '0;
			re <= '0;
			slot_base <= '0;
			soff <= '0;
			s_log2 <= '0;
			mw <= 1'b0;
			slot_valid <= 1'b0;
			slot <= '0;
			mem_req <= 1'b0;
			mem_addr <= '0;
			c_valid <= '0;
			avs1_q <= '0;
			avs2_q <= '0;
			ava_q <= '0;
			poes1_q <= '0;
			poes2_q <= '0;
			poea_q <= '0;
			cache_hit <= 1'b0;
		end else begin
			state <= state_n;
			res <= res_n;
			mem_req <= mem_req_n;
			mem_addr <= mem_addr_n;
			if (state == S_IDLE && req_valid) begin
				r_liodn <= req_liodn;
				r_addr <= req_addr;
				r_size <= req_size;
				r_op <= req_op;
				state <= S_START;
			end
			if (take_pe) begin
				pe <= state == S_START ? c_data[c_idx] : mem_data;
				cache_hit <= state == S_START;
			end
			if (fill) begin
				c_valid[c_idx] <= 1'b1;
				c_tag[c_idx] <= r_liodn;
				c_data[c_idx] <= mem_data;
			end
			if (state == S_PRIM) begin
				mw <= p_w1[5];
				s_log2 <= s_log2_n;
				soff <= soff_n;
				slot_base <= p_w1[5] ? base + (slot_i << s_log2_n) : base;
				slot_valid <= p_w1[5];
				slot <= slot_i[15:0];
			end
			if (take_re_pe)
				re <= pe;
			if (take_re_se)
				re <= mem_data;
			if (cache_inv && !bug_cache_no_inval)
				c_valid <= '0;
			// Error latches (docs/pamu-model.md 5, 8): the first error is kept until cleared.
			if (av_clear)
				avs1_q[14:0] <= '0;
			if (poes_clear)
				poes1_q[3:0] <= '0;
			if (latch_av) begin
				avs1_q <= res.avs1;
				avs2_q <= res.avs2;
				ava_q <= res.ava;
			end
			if (latch_poes) begin
				poes1_q <= res.poes1;
				poes2_q <= res.poes2;
				poea_q <= res.poea;
			end
		end
	end

	// Response pipeline: PIPE_DEPTH stages after the walk.
	res_t done_res;
	always_comb begin
		done_res = res;
		done_res.latched = latch_av || latch_poes;
	end

	always_ff @(posedge clk or negedge rst_n) begin
		if (!rst_n) begin
			pipe_v <= '0;
			for (int i = 0; i < PIPE_DEPTH; i++)
				pipe[i] <= '0;
		end else begin
			pipe_v[0] <= state == S_DONE;
			pipe[0] <= done_res;
			for (int i = 1; i < PIPE_DEPTH; i++) begin
				pipe_v[i] <= pipe_v[i - 1];
				pipe[i] <= pipe[i - 1];
			end
		end
	end

	assign req_ready = state == S_IDLE;
	assign resp_valid = pipe_v[PIPE_DEPTH - 1];
	assign resp_kind = pipe[PIPE_DEPTH - 1].kind;
	assign resp_fault = pipe[PIPE_DEPTH - 1].fault;
	assign resp_unsup = pipe[PIPE_DEPTH - 1].unsup;
	assign resp_unsup_val = pipe[PIPE_DEPTH - 1].unsup_val;
	assign resp_paddr = pipe[PIPE_DEPTH - 1].paddr;
	assign resp_out_op = pipe[PIPE_DEPTH - 1].out_op;
	assign resp_stash = pipe[PIPE_DEPTH - 1].stash;
	assign resp_snoop = pipe[PIPE_DEPTH - 1].snoop;
	assign resp_did = pipe[PIPE_DEPTH - 1].did;
	assign resp_pid = pipe[PIPE_DEPTH - 1].pid;
	assign resp_coherent = pipe[PIPE_DEPTH - 1].coherent;
	assign resp_to_io = pipe[PIPE_DEPTH - 1].to_io;
	assign resp_slot_valid = pipe[PIPE_DEPTH - 1].slot_valid;
	assign resp_slot = pipe[PIPE_DEPTH - 1].slot;
	assign resp_avs1 = pipe[PIPE_DEPTH - 1].avs1;
	assign resp_avs2 = pipe[PIPE_DEPTH - 1].avs2;
	assign resp_ava = pipe[PIPE_DEPTH - 1].ava;
	assign resp_poes1 = pipe[PIPE_DEPTH - 1].poes1;
	assign resp_poes2 = pipe[PIPE_DEPTH - 1].poes2;
	assign resp_poea = pipe[PIPE_DEPTH - 1].poea;
	assign resp_reported = pipe[PIPE_DEPTH - 1].reported;
	assign resp_latched = pipe[PIPE_DEPTH - 1].latched;
	assign resp_oos = pipe[PIPE_DEPTH - 1].oos;
endmodule

`default_nettype wire
