package org.xinfang.imports.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.xinfang.node.NodeService;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;

/**
 * {@code /api/v1/imports}: historic cases from a spreadsheet saved as CSV. The body is the file itself; the
 * dry run answers the row report, the import answers 202 with a job to watch. Thin: read, call, map.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ImportResource {
    /**
     * Who imports: the office's head and the administrator. An import registers cases in bulk under the
     * importing person's name; the head answers for the office's register (clerks register one by one).
     */
    static final Set<String> IMPORTERS = Set.of(ADMIN, HEAD);

    private final Importer importer;
    private final NodeService node;
    private final long maxBytes;

    public ImportResource(Importer importer, NodeService node, int maxMegabytes) {
        this.importer = importer;
        this.node = node;
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    /** A dry run ({@code dryRun=true}) answers the report; otherwise the import starts and answers 202. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("source") String source, @QueryParam("dryRun") String dryRun,
            InputStream body, @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        Roles.require(security, IMPORTERS);
        String name = Importer.source(source);
        byte[] file = read(body);
        try {
            if ("true".equalsIgnoreCase(dryRun) || "1".equals(dryRun)) {
                return Response.ok(importer.dryRun(file, name).view()).build();
            }
            Importer.Job job = importer.start(file, name, node.person(security.getUserPrincipal().getName()));
            return Response.status(202).location(uri.getBaseUriBuilder().path(job.id()).build()).entity(job.view())
                    .build();
        } catch (ValidationException e) {
            if ("file".equals(e.field())) {
                // the file as a whole: its own reason (encoding, quotes, columns) is the error
                throw new ApiException(400, e.code(), e.getMessage(), "file");
            }
            throw e;
        }
    }

    /** The header row every import reads, with one example row: what Excel and WPS open with Chinese intact. */
    @GET
    @Path("template.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response template(@Context SecurityContext security) {
        Roles.require(security, IMPORTERS);
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> example = List.of("2019-0001", "2019-03-04", "来访", "申诉求决", "张三", "", "", "", "1", "", "劳动社保",
                "拖欠工资", "反映某工地拖欠工资三个月", "", "解释说明", "2019-04-01", "已向信访人解释相关政策");
        StringBuilder header = new StringBuilder();
        for (Column c : Column.values()) {
            header.append(header.length() == 0 ? "" : ",").append(c.header());
        }
        csv.append(header).append("\r\n").append(String.join(",", example)).append("\r\n");
        return Response.ok(csv.toString()).header("Content-Disposition",
                "attachment; filename=\"import-template.csv\"; filename*=UTF-8''%E5%8E%86%E5%8F%B2%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.csv")
                .build();
    }

    /** Progress of an import, and its row report once it is over. */
    @GET
    @Path("{id}")
    public Map<String, Object> job(@PathParam("id") String id, @Context SecurityContext security) {
        Roles.require(security, IMPORTERS);
        return importer.job(id).orElseThrow(() -> new NotFoundException("没有这个导入任务（节点重启后任务记录不保留） / no"
                + " such import (jobs are not kept across a restart)")).view();
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while (in != null && (n = in.read(buf)) > 0) {
            if (out.size() + n > maxBytes) {
                throw new ApiException(413, "payload_too_large", "文件超过 " + maxBytes / (1024 * 1024) + " MB 上限，请分成"
                        + "几个文件导入 / the file exceeds " + maxBytes / (1024 * 1024) + " MB; split it", "file");
            }
            out.write(buf, 0, n);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new ApiException(400, "unsupported_format", "这是Excel工作簿（.xlsx），请在Excel或WPS中另存为“CSV UTF-8"
                    + "（逗号分隔）”后导入 / this is an .xlsx workbook; save it as CSV UTF-8 and import that", "file");
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11) {
            throw new ApiException(400, "unsupported_format", "这是旧版Excel工作簿（.xls），请另存为“CSV UTF-8（逗号分隔）”"
                    + "后导入 / this is an .xls workbook; save it as CSV UTF-8 and import that", "file");
        }
        return bytes;
    }
}
