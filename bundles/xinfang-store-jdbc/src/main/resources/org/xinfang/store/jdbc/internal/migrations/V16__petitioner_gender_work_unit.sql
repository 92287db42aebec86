-- 性别 and 工作单位 of each petitioner, asked at registration (issue 14, point 4). Both optional: cases recorded
-- before keep them empty. The gender is the constant of org.xinfang.petition.Gender (MALE, FEMALE, UNSTATED).
ALTER TABLE xf_petitioner ADD COLUMN gender VARCHAR(10);
ALTER TABLE xf_petitioner ADD COLUMN work_unit VARCHAR(100);
